import { lazyComponent } from '../lazyComponent';

/** The signed-in layout (app bar, menu, receipt-number box): a chunk of its own, not needed by the sign-in page. */
export const SignedInLayout = lazyComponent(() => import('./Layout'), 'Layout');
