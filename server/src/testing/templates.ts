/** Template databases the test run prepares once (migrated; migrated + demo data). */
export const TEMPLATE_DB = 'naccs_test_template';
export const DEMO_TEMPLATE_DB = 'naccs_test_demo';
