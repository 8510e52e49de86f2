/** Template databases a test run prepares once (migrated; migrated + demo data), named per run so that two runs on
 * one PostgreSQL (a developer's and CI's, or two checkouts) never drop each other's. */
export interface TemplateNames {
  template: string;
  demo: string;
}

export const templateNames = (runId: number): TemplateNames => ({ template: `naccs_test_${runId}_template`, demo: `naccs_test_${runId}_demo` });

/** The run id (the vitest process's pid) in a template's name, for removing those of runs that are gone. */
export const runIdOf = (database: string): number | undefined => {
  const m = /^naccs_test_(\d+)_(template|demo)$/.exec(database);
  return m ? Number(m[1]) : undefined;
};
