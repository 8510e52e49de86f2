import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyComponent } from '../lazyComponent';

// Each page is its own chunk, loaded when first shown.
const ApplicationList = lazyComponent(() => import('./ApplicationList'), 'ApplicationList');
const ApplicationShow = lazyComponent(() => import('./ApplicationShow'), 'ApplicationShow');

export default { list: ApplicationList, show: ApplicationShow, icon: AssignmentIcon, recordRepresentation: 'receiptNo' };
