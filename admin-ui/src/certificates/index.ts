import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { CertificateList } from './CertificateList';

/** `<Resource name="certificates" {...certificates} />`: デジタル証明書 at /certificates. */
export default { list: CertificateList, icon: VerifiedUserIcon };
