import { lazyComponent } from '../lazyComponent';

/** ダッシュボード as react-admin's `dashboard`: a chunk of its own (its charts one more), like every other page. */
export const Dashboard = lazyComponent(() => import('./Dashboard'), 'Dashboard');
