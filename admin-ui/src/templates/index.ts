import MailOutlineIcon from '@mui/icons-material/MailOutline';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';

/** `<Resource name="templates" {...templates} />`: the list at /templates, the editor at /templates/<key>. */
export default { list: TemplateList, edit: TemplateEditor, icon: MailOutlineIcon, recordRepresentation: 'label' };
