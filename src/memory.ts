'use client'
export * from './adapter/memory'
