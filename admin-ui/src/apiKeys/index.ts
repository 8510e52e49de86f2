import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { lazyComponent } from '../lazyComponent';

// Each page is its own chunk, loaded when first shown.
const ApiKeyList = lazyComponent(() => import('./ApiKeyList'), 'ApiKeyList');

export default { list: ApiKeyList, icon: VpnKeyIcon, recordRepresentation: 'name' };
