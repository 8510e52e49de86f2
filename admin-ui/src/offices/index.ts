import BusinessIcon from '@mui/icons-material/Business';
import { lazyComponent } from '../lazyComponent';

// Each page is its own chunk, loaded when first shown.
const OfficeList = lazyComponent(() => import('./OfficeList'), 'OfficeList');
const OfficeShow = lazyComponent(() => import('./OfficeShow'), 'OfficeShow');

export default { list: OfficeList, show: OfficeShow, icon: BusinessIcon, recordRepresentation: 'code' };
