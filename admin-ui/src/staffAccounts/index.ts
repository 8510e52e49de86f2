import BadgeIcon from '@mui/icons-material/Badge';
import { StaffAccountCreate } from './StaffAccountCreate';
import { StaffAccountEdit } from './StaffAccountEdit';
import { StaffAccountList } from './StaffAccountList';

export default {
  list: StaffAccountList,
  create: StaffAccountCreate,
  edit: StaffAccountEdit,
  icon: BadgeIcon,
  recordRepresentation: 'name',
};
