import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Link,
  Title,
  useCreatePath,
  useGetOne,
  useGetRecordId,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useAccess } from '../access';
import { useServerAction } from '../components/useServerAction';
import { useShowError } from '../components/useShowError';
import type { FieldError } from '../intake/inputTypes';
import type { PickedApplication } from './ApplicationPicker';
import { PreviewPane } from './PreviewPane';
import { ScopedDataProvider } from './ScopedDataProvider';
import { SendTestButton } from './SendTestButton';
import { TemplateField } from './TemplateField';
import { TEMPLATE_RESOURCES } from './templatesDataProvider';
import { SAVE_NOTIFICATION_TEMPLATE } from './templateQueries';
import { TEMPLATE_PARTS, type NotificationTemplate, type ReturnedTemplate, type TemplatePart } from './templateTypes';
import { usePreview } from './usePreview';
import { useTemplateDraft } from './useTemplateDraft';
import { usedVariables } from './variableUsage';
import { VariableList } from './VariableList';
import { VersionDiffDialog } from './VersionDiffDialog';
import { VersionHistory } from './VersionHistory';

type FieldRef = HTMLInputElement | HTMLTextAreaElement;

const ROWS: Record<TemplatePart, number | undefined> = { subject: undefined, text: 18, html: 6 };
const HELP: Record<TemplatePart, string | undefined> = {
  subject: undefined,
  text: 'naccs.templates.text_hint',
  html: 'naccs.templates.html_hint',
};

const TemplateEditorView = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const showError = useShowError('templates');
  const id = useGetRecordId();
  const { data, isPending } = useGetOne<NotificationTemplate>('templates', { id: String(id) }, { onError: showError });
  // react-admin may first show the row of the list (no text, variables or history): wait for the whole template.
  const record = data && Array.isArray(data.variables) && typeof data.text === 'string' ? data : undefined;
  const { may } = useAccess();
  const canEdit = may('saveNotificationTemplate');
  const { draft, setDraft, base, dirty, stale, adopt, rebase, discard } = useTemplateDraft(record);
  const [application, setApplication] = useState<PickedApplication | null>(null);
  const preview = usePreview(record?.key, draft, application ? String(application.id) : undefined);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [showLatestDiff, setShowLatestDiff] = useState(false);
  const { run, busy } = useServerAction();

  const subjectRef = useRef<FieldRef>(null);
  const textRef = useRef<FieldRef>(null);
  const htmlRef = useRef<FieldRef>(null);
  const refs = useMemo(() => ({ subject: subjectRef, text: textRef, html: htmlRef }), []);
  const lastPart = useRef<TemplatePart>('text');

  const used = useMemo(
    () => (draft && record ? usedVariables(draft, record.variables.map((v) => v.name)) : new Set<string>()),
    [draft, record],
  );

  const change = (part: TemplatePart, value: string) => {
    setDraft((d) => (d ? { ...d, [part]: value } : d));
    setErrors((es) => es.filter((e) => e.path !== part));
  };

  /** `{{name}}` at the cursor (or over the selection) of the part last edited; the cursor then follows it. */
  const insert = (name: string) => {
    if (!draft) return;
    const part = lastPart.current;
    const el = refs[part].current;
    const value = draft[part];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    const token = `{{${name}}}`;
    change(part, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = useCallback(async () => {
    if (!record || !draft || !base || !dirty || stale || busy) return;
    const next = base.version + 1;
    const outcome = await run<{ saveNotificationTemplate: ReturnedTemplate }>(
      SAVE_NOTIFICATION_TEMPLATE,
      {
        key: record.key,
        subject: draft.subject,
        text: draft.text,
        html: draft.html.trim() ? draft.html : null,
        expectedVersion: base.version,
      },
      { success: 'naccs.templates.saved', successArgs: { version: next } },
    );
    if (outcome.ok && outcome.data) {
      setErrors([]);
      adopt(outcome.data.saveNotificationTemplate);
    } else if (outcome.fieldErrors.length > 0) {
      setErrors(outcome.fieldErrors);
      notify('naccs.templates.save_failed', { type: 'warning' });
      const first = TEMPLATE_PARTS.find((p) => outcome.fieldErrors.some((e) => e.path === p));
      if (first) refs[first].current?.focus();
    }
  }, [record, draft, base, dirty, stale, busy, run, adopt, notify, refs]);

  // Unsaved changes: the browser asks before the page is left; Ctrl+S / ⌘S saves.
  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  useEffect(() => {
    if (!canEdit) return undefined;
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [canEdit, save]);

  if (isPending || !record || !draft || !base) {
    return (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <CircularProgress aria-label={translate('ra.page.loading')} />
      </Box>
    );
  }

  const otherErrors = errors.filter((e) => !(TEMPLATE_PARTS as readonly string[]).includes(e.path));
  const latest = record.versions.find((v) => v.version === record.version);

  return (
    <Box sx={{ mt: 1, mb: 4 }} data-testid="template-editor" data-template-key={record.key}>
      <Title title={translate('resources.templates.edit_title', { label: record.label })} />
      <Button
        component={Link}
        to={createPath({ resource: 'templates', type: 'list' })}
        size="small"
        startIcon={<ArrowBackIcon />}
        sx={{ mb: 1 }}
      >
        {translate('resources.templates.back')}
      </Button>

      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={1.5} alignItems="center" flexWrap="wrap" useFlexGap>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }} data-testid="template-label">
            {record.label}
          </Typography>
          <Chip size="small" variant="outlined" label={record.key} sx={{ fontFamily: 'monospace' }} />
          <Chip
            size="small"
            color="primary"
            label={translate('naccs.templates.latest_version', { version: record.version })}
            data-testid="template-version"
            data-version={record.version}
          />
          {dirty ? (
            <Chip size="small" color="warning" label={translate('naccs.templates.unsaved', { version: base.version })} data-testid="template-dirty" />
          ) : null}
          {!canEdit ? <Chip size="small" variant="outlined" label={translate('naccs.templates.read_only')} /> : null}
          <Box sx={{ flex: 1 }} />
          {canEdit ? (
            <>
              <SendTestButton templateKey={record.key} dirty={dirty} />
              <Button size="small" startIcon={<UndoIcon />} onClick={discard} disabled={!dirty || busy} data-testid="template-discard">
                {translate('naccs.templates.discard')}
              </Button>
              <Button
                variant="contained"
                startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <SaveIcon />}
                onClick={() => void save()}
                disabled={!dirty || stale || busy}
                data-testid="template-save"
              >
                {translate('naccs.templates.save', { version: base.version + 1 })}
              </Button>
            </>
          ) : null}
        </Stack>
        {stale && latest ? (
          <Alert
            severity="warning"
            sx={{ mt: 1.5 }}
            data-testid="template-stale"
            action={
              <Stack direction="row" spacing={1}>
                <Button color="inherit" size="small" onClick={() => setShowLatestDiff(true)}>
                  {translate('naccs.templates.stale.diff')}
                </Button>
                <Button color="inherit" size="small" onClick={rebase}>
                  {translate('naccs.templates.stale.keep')}
                </Button>
                <Button color="inherit" size="small" onClick={() => adopt(record)}>
                  {translate('naccs.templates.stale.load')}
                </Button>
              </Stack>
            }
          >
            {translate('naccs.templates.stale.message', { latest: record.version, base: base.version })}
          </Alert>
        ) : null}
        {otherErrors.map((e) => (
          <Alert key={`${e.path}-${e.message}`} severity="error" sx={{ mt: 1.5 }}>
            {e.message}
          </Alert>
        ))}
      </Paper>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Stack spacing={1.5}>
              {TEMPLATE_PARTS.map((part) => (
                <TemplateField
                  key={part}
                  part={part}
                  value={draft[part]}
                  onChange={(v) => change(part, v)}
                  onFocus={() => {
                    lastPart.current = part;
                  }}
                  inputRef={refs[part]}
                  errors={errors}
                  readOnly={!canEdit}
                  rows={ROWS[part]}
                  helperText={HELP[part]}
                />
              ))}
            </Stack>
          </Paper>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <VariableList variables={record.variables} used={used} onInsert={canEdit ? insert : undefined} />
          </Paper>
        </Stack>
        <Box sx={{ position: { lg: 'sticky' }, top: { lg: 72 }, minWidth: 0 }}>
          <PreviewPane preview={preview} application={application} onApplicationChange={setApplication} />
        </Box>
      </Box>

      <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
        <VersionHistory
          template={record}
          draft={draft}
          baseVersion={base.version}
          dirty={dirty}
          canRollback={may('rollbackNotificationTemplate')}
          onRolledBack={(t) => {
            setErrors([]);
            adopt(t);
          }}
        />
      </Paper>

      {showLatestDiff && latest ? (
        <VersionDiffDialog open onClose={() => setShowLatestDiff(false)} version={latest} draft={draft} />
      ) : null}
    </Box>
  );
};

/**
 * 通知テンプレートの編集 (`/templates/<key>`): the template (件名, 本文, HTML) beside its live preview with a real
 * application's data, the event's variables (click to insert), save as a new version, the version history with a
 * line diff against the draft, rollback and 自分にテスト送信. Supervisors edit; reviewers and administrators read and
 * preview.
 */
export const TemplateEditor = () => (
  <ScopedDataProvider resources={TEMPLATE_RESOURCES}>
    <TemplateEditorView />
  </ScopedDataProvider>
);
