'use client'
export * from './testing/index'
