import type { TestProject } from 'vitest/node'
import { startPostgresCluster } from '../support/postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the server the PostgreSQL tests create their databases on. */
    postgresUrl: string
  }
}

/** One throwaway cluster for the whole run, or the server BILLING_TEST_DATABASE_URL names. */
export default async function setup(project: TestProject) {
  const existing = process.env.BILLING_TEST_DATABASE_URL
  if (existing) {
    project.provide('postgresUrl', existing)
    return
  }
  const cluster = await startPostgresCluster()
  project.provide('postgresUrl', cluster.url)
  return () => cluster.stop()
}
