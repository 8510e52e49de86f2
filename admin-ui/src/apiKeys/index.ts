import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { ApiKeyList } from './ApiKeyList';

export default { list: ApiKeyList, icon: VpnKeyIcon, recordRepresentation: 'name' };
