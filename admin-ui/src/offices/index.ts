import BusinessIcon from '@mui/icons-material/Business';
import { OfficeList } from './OfficeList';
import { OfficeShow } from './OfficeShow';

export default { list: OfficeList, show: OfficeShow, icon: BusinessIcon, recordRepresentation: 'code' };
