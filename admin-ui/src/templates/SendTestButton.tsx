import SendIcon from '@mui/icons-material/Send';
import { Button, Tooltip } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { SEND_TEST_NOTIFICATION } from './templateQueries';

interface Sent {
  sendTestNotification: { id: string; recipients: string[]; subject: string };
}

/**
 * 自分にテスト送信 (supervisors): the latest saved version, with the sample values, to the signed-in staff member's
 * own address (it appears in 送信ログ). An unsaved draft is not what is sent: the tooltip says so.
 */
export const SendTestButton = ({ templateKey, dirty }: { templateKey: string; dirty: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { run, busy } = useServerAction();
  return (
    <Tooltip title={translate(dirty ? 'naccs.templates.test.hint_dirty' : 'naccs.templates.test.hint')}>
      <span>
        <Button
          size="small"
          variant="outlined"
          startIcon={<SendIcon />}
          disabled={busy}
          data-testid="send-test"
          onClick={async () => {
            const outcome = await run<Sent>(SEND_TEST_NOTIFICATION, { key: templateKey }, { notifyFieldErrors: true });
            if (outcome.ok && outcome.data) {
              notify('naccs.templates.test.done', {
                type: 'success',
                messageArgs: { to: outcome.data.sendTestNotification.recipients.join(', ') },
              });
            }
          }}
        >
          {translate('naccs.templates.test.button')}
        </Button>
      </span>
    </Tooltip>
  );
};
