import { Alert, Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ActionChip } from '../components/ActionChip';
import {
  AddressText,
  BoolText,
  Check,
  DateText,
  EnumChips,
  Item,
  ItemGrid,
  PersonSection,
  Section,
  TextBlock,
  useEnumLabel,
} from '../components/display';
import { NestedTable, RowsTable } from '../components/RowsTable';
import type { Application, ApplicationLine, ApplicationTerminal, ApplicationUserCode } from '../types';
import { usePendingFrom } from '../offices/PendingChanges';
import { TabChanges } from './TabChanges';

const F = (key: string) => `resources.applications.fields.${key}`;

/** 利用者コード with their 利用者ID rows (業種, 処理方式, 識別番号数, 識別番号). */
export const UserCodesTab = () => {
  const record = useRecordContext<Application>();
  const enumLabel = useEnumLabel();
  if (!record) return null;
  const rows = [...(record.userCodes ?? [])].sort((a, b) => a.position - b.position);
  return (
    <Section title={F('userCodes')}>
      <TabChanges items={['USER_CODE', 'IDENT_NO', 'INDUSTRY', 'STATISTICS', 'BONDED_RECORD_SERVICE']} />
      <RowsTable<ApplicationUserCode>
        rows={rows}
        empty="naccs.userCode.none"
        label={F('userCodes')}
        columns={[
          { label: 'naccs.userCode.action', render: (u) => <ActionChip action={u.action} />, nowrap: true },
          {
            label: 'naccs.userCode.userCode',
            render: (u) => (u.userCode ? <Box sx={{ fontFamily: 'monospace', fontWeight: 700 }}>{u.userCode}</Box> : null),
          },
          { label: 'naccs.userCode.shared', render: (u) => <BoolText value={u.shared} /> },
          { label: 'naccs.userCode.systemCategory', render: (u) => enumLabel('SystemCategory', u.systemCategory), nowrap: true },
          { label: 'naccs.userCode.singleSignOn', render: (u) => <BoolText value={u.singleSignOn} required /> },
          { label: 'naccs.userCode.statisticsPaid', render: (u) => <BoolText value={u.statisticsPaid} required /> },
          { label: 'naccs.userCode.statisticsFree', render: (u) => <BoolText value={u.statisticsFree} required /> },
          { label: 'naccs.userCode.bondedRecordService', render: (u) => <BoolText value={u.bondedRecordService} required /> },
        ]}
        renderNested={(u) => (
          <>
          <AbolitionMissingAlert row={u} />
          <NestedTable title="naccs.userCode.userIds">
          <RowsTable
            rows={[...u.userIds].sort((a, b) => (a.position ?? 0) - (b.position ?? 0))}
            empty="naccs.none"
            columns={[
              { label: 'naccs.userId.action', render: (i) => <ActionChip action={i.action} />, nowrap: true },
              { label: 'naccs.userId.industries', render: (i) => <EnumChips name="Industry" values={i.industries} /> },
              {
                label: 'naccs.userId.processingMethod',
                render: (i) => enumLabel('ProcessingMethod', i.processingMethod),
                nowrap: true,
              },
              { label: 'naccs.userId.identCount', render: (i) => i.identCount, align: 'right' },
              {
                label: 'naccs.userId.identNo',
                render: (i) => (i.identNo ? <Box sx={{ fontFamily: 'monospace' }}>{i.identNo}</Box> : null),
              },
            ]}
          />
          </NestedTable>
          </>
        )}
      />
    </Section>
  );
};

/** A shared 利用者コード is abolished only when every sharing office has applied: name the ones still missing. */
const AbolitionMissingAlert = ({ row }: { row: ApplicationUserCode }) => {
  const translate = useTranslate();
  const missing = row.abolitionMissingOffices ?? [];
  if (row.action !== 'DELETE' || missing.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="abolition-missing-offices">
      <strong>{translate('naccs.userCode.abolition_missing', { offices: missing.join('、') })}</strong>
      <Typography variant="body2" component="div">
        {translate('naccs.userCode.abolition_missing_hint')}
      </Typography>
    </Alert>
  );
};

const terminalColumns = (enumLabel: ReturnType<typeof useEnumLabel>, withType: boolean, pendingFrom: ReturnType<typeof usePendingFrom>) => [
  { label: 'naccs.terminal.action', render: (t: ApplicationTerminal) => <ActionChip action={t.action} />, nowrap: true },
  ...(withType
    ? [{ label: 'naccs.terminal.terminalType', render: (t: ApplicationTerminal) => enumLabel('TerminalType', t.terminalType), nowrap: true }]
    : []),
  { label: 'naccs.terminal.systemCategory', render: (t: ApplicationTerminal) => enumLabel('SystemCategory', t.systemCategory), nowrap: true },
  { label: 'naccs.terminal.count', render: (t: ApplicationTerminal) => t.count, align: 'right' as const },
  ...(withType ? [] : [{ label: 'naccs.terminal.lineNo', render: (t: ApplicationTerminal) => t.lineNo, align: 'right' as const }]),
  {
    label: 'naccs.terminal.terminalName',
    render: (t: ApplicationTerminal) => (t.terminalName ? <Box sx={{ fontFamily: 'monospace' }}>{t.terminalName}</Box> : null),
  },
  {
    label: 'naccs.terminal.newSystemCategory',
    // 区分の変更: the new システム区分, from the start date once approved.
    render: (t: ApplicationTerminal) => pendingFrom(enumLabel('SystemCategory', t.newSystemCategory)),
    nowrap: true,
  },
];

/** 論理端末・証明書: netNACCS terminals, webNACCS certificates and ebMS terminals. */
export const TerminalsTab = () => {
  const record = useRecordContext<Application>();
  const enumLabel = useEnumLabel();
  const pendingFrom = usePendingFrom();
  if (!record) return null;
  const groups = [
    { type: 'NET', title: 'resources.applications.sections.netTerminals' },
    { type: 'WEB', title: 'resources.applications.sections.webCertificates' },
    { type: 'EBMS', title: 'resources.applications.sections.ebmsTerminals' },
  ] as const;
  return (
    <Box>
      <TabChanges items={['NET_TERMINAL', 'WEB_CERTIFICATE']} />
      {groups.map((g) => (
        <Section key={g.type} title={g.title}>
          <RowsTable
            rows={(record.terminals ?? []).filter((t) => t.terminalType === g.type)}
            empty="naccs.terminal.none"
            columns={terminalColumns(enumLabel, false, pendingFrom).filter((c) => c.label !== 'naccs.terminal.lineNo')}
          />
        </Section>
      ))}
    </Box>
  );
};

const LineOptions = ({ line }: { line: ApplicationLine }) => {
  const translate = useTranslate();
  const options = [
    line.redundancy ? 'naccs.line.redundancy' : null,
    line.spareRouter ? 'naccs.line.spareRouter' : null,
    line.pingMonitoring ? 'naccs.line.pingMonitoring' : null,
  ].filter((o): o is string => !!o);
  return <>{options.map((o) => translate(o)).join('・')}</>;
};

const LinePlace = ({ line }: { line: ApplicationLine }) => {
  const translate = useTranslate();
  if (line.placeSameAsOffice) return <>{translate('naccs.line.placeSameAsOffice')}</>;
  return <AddressText address={line.place} />;
};

/** 回線・論理端末: 一般NACCS lines, terminals and the construction contacts. */
export const LinesTab = () => {
  const record = useRecordContext<Application>();
  const enumLabel = useEnumLabel();
  const pendingFrom = usePendingFrom();
  if (!record) return null;
  // 回線の変更: an existing line's new values, from the start date once approved.
  const changed = (l: ApplicationLine, value: string | null | undefined) => (l.action === 'CHANGE' ? pendingFrom(value) : value);
  const lines = [...(record.lines ?? [])].sort((a, b) => a.lineNo - b.lineNo);
  return (
    <Box>
      <TabChanges items={['GENERAL_LINE', 'GENERAL_TERMINAL']} />
      <Section title="resources.applications.sections.lines">
        <ItemGrid min={280}>
          <Item label={F('noLineRequired')} wide>
            <BoolText value={record.noLineRequired} />
          </Item>
          <Item label={F('equipmentSharingOfficeCode')}>{record.equipmentSharingOfficeCode}</Item>
        </ItemGrid>
        <Box sx={{ mt: 1.5 }}>
          <RowsTable<ApplicationLine>
            rows={lines}
            empty="naccs.line.none"
            label={F('lines')}
            columns={[
              { label: 'naccs.line.action', render: (l) => <ActionChip action={l.action} />, nowrap: true },
              { label: 'naccs.line.lineNo', render: (l) => l.lineNo, align: 'right' },
              { label: 'naccs.line.existingLineId', render: (l) => l.existingLineId },
              { label: 'naccs.line.systemCategory', render: (l) => enumLabel('SystemCategory', l.systemCategory), nowrap: true },
              { label: 'naccs.line.connectionMethod', render: (l) => enumLabel('LineConnectionMethod', l.connectionMethod) },
              { label: 'naccs.line.edifact', render: (l) => <Check value={l.edifact} />, align: 'center' },
              { label: 'naccs.line.lineType', render: (l) => changed(l, enumLabel('LineType', l.lineType)), nowrap: true },
              { label: 'naccs.line.speed', render: (l) => changed(l, l.speed), nowrap: true },
              { label: 'naccs.line.indoorWiring', render: (l) => enumLabel('IndoorWiring', l.indoorWiring) },
              { label: 'naccs.line.maintenance', render: (l) => changed(l, enumLabel('MaintenanceHours', l.maintenance)), nowrap: true },
              { label: 'naccs.line.options', render: (l) => <LineOptions line={l} /> },
              { label: 'naccs.line.constructionDate', render: (l) => <DateText value={l.constructionDate} />, nowrap: true },
              { label: 'naccs.line.place', render: (l) => <LinePlace line={l} /> },
              { label: 'naccs.line.shared', render: (l) => <Check value={l.shared} />, align: 'center' },
            ]}
          />
        </Box>
      </Section>
      <Section title="resources.applications.sections.generalTerminals">
        <RowsTable
          rows={(record.terminals ?? []).filter((t) => t.terminalType === 'GENERAL')}
          empty="naccs.terminal.none"
          columns={terminalColumns(enumLabel, false, pendingFrom)}
        />
      </Section>
      <PersonSection title={F('constructionContact')} person={record.constructionContact} />
      <PersonSection title={F('constructionAttendee')} person={record.constructionAttendee} />
      <Section title={F('constructionNotes')}>
        <TextBlock text={record.constructionNotes} />
      </Section>
    </Box>
  );
};

/** メールボックス (SMTP/POP3, EDIFACT). */
export const MailboxesTab = () => {
  const record = useRecordContext<Application>();
  const enumLabel = useEnumLabel();
  if (!record) return null;
  return (
    <Section title={F('mailboxes')}>
      <TabChanges items={['MAILBOX']} />
      <RowsTable
        rows={record.mailboxes}
        empty="naccs.mailbox.none"
        columns={[
          { label: 'naccs.mailbox.action', render: (m) => <ActionChip action={m.action} />, nowrap: true },
          { label: 'naccs.mailbox.mailboxType', render: (m) => enumLabel('MailboxType', m.mailboxType), nowrap: true },
          { label: 'naccs.mailbox.count', render: (m) => m.count, align: 'right' },
          {
            label: 'naccs.mailbox.mailboxId',
            render: (m) => (m.mailboxId ? <Typography sx={{ fontFamily: 'monospace' }} variant="body2">{m.mailboxId}</Typography> : null),
          },
        ]}
      />
    </Section>
  );
};
