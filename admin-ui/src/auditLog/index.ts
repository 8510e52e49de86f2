import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { AuditLogList } from './AuditLogList';

export default { list: AuditLogList, icon: ManageSearchIcon };
