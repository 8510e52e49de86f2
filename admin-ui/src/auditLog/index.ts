import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { lazyComponent } from '../lazyComponent';

// Each page is its own chunk, loaded when first shown.
const AuditLogList = lazyComponent(() => import('./AuditLogList'), 'AuditLogList');

export default { list: AuditLogList, icon: ManageSearchIcon };
