import OutboxIcon from '@mui/icons-material/Outbox';
import { lazyComponent } from '../lazyComponent';

// Each page is its own chunk, loaded when first shown.
const EmailList = lazyComponent(() => import('./EmailList'), 'EmailList');

/** `<Resource name="emails" {...emails} />`: 送信ログ at /emails (a row opens the mail in a side panel). */
export default { list: EmailList, icon: OutboxIcon };
