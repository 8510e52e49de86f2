import BadgeIcon from '@mui/icons-material/Badge';
import { lazyComponent } from '../lazyComponent';

// Each page is its own chunk, loaded when first shown.
const StaffAccountCreate = lazyComponent(() => import('./StaffAccountCreate'), 'StaffAccountCreate');
const StaffAccountEdit = lazyComponent(() => import('./StaffAccountEdit'), 'StaffAccountEdit');
const StaffAccountList = lazyComponent(() => import('./StaffAccountList'), 'StaffAccountList');

export default {
  list: StaffAccountList,
  create: StaffAccountCreate,
  edit: StaffAccountEdit,
  icon: BadgeIcon,
  recordRepresentation: 'name',
};
