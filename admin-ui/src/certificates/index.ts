import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { lazyComponent } from '../lazyComponent';

// Each page is its own chunk, loaded when first shown.
const CertificateList = lazyComponent(() => import('./CertificateList'), 'CertificateList');

/** `<Resource name="certificates" {...certificates} />`: デジタル証明書 at /certificates. */
export default { list: CertificateList, icon: VerifiedUserIcon };
