// The reference request handler for the REST contract, for a host's Node or edge server.
// No 'use client': this entry runs on the server only.
export * from './server/index'
