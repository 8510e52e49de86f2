import MailOutlineIcon from '@mui/icons-material/MailOutline';
import { lazyComponent } from '../lazyComponent';

// Each page is its own chunk, loaded when first shown.
const TemplateEditor = lazyComponent(() => import('./TemplateEditor'), 'TemplateEditor');
const TemplateList = lazyComponent(() => import('./TemplateList'), 'TemplateList');

/** `<Resource name="templates" {...templates} />`: the list at /templates, the editor at /templates/<key>. */
export default { list: TemplateList, edit: TemplateEditor, icon: MailOutlineIcon, recordRepresentation: 'label' };
