import OutboxIcon from '@mui/icons-material/Outbox';
import { EmailList } from './EmailList';

/** `<Resource name="emails" {...emails} />`: 送信ログ at /emails (a row opens the mail in a side panel). */
export default { list: EmailList, icon: OutboxIcon };
