import { gql, useQuery } from '@apollo/client';
import ErrorIcon from '@mui/icons-material/Error';
import InfoIcon from '@mui/icons-material/Info';
import WarningIcon from '@mui/icons-material/Warning';
import { Box, Tooltip } from '@mui/material';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { apolloClient } from '../graphqlClient';
import type { Viewer } from '../live/hooks';
import type { Application } from '../types';

interface CheckSummary {
  blocker: number;
  warning: number;
  info: number;
}

/**
 * The automatic checks' counts of the rows on screen, and who has each open (閲覧中), in a request of their own
 * (server: review/checks, events/presence): the list's page stays on the server's one-statement read path, and the
 * icons follow a moment later.
 */
const CHECK_SUMMARIES = gql`
  query CheckSummaries($filter: ApplicationFilter, $limit: Int) {
    applications(filter: $filter, limit: $limit) {
      items {
        id
        checkSummary {
          blocker
          warning
          info
        }
        viewers {
          staffId
          name
        }
      }
    }
  }
`;

const Summaries = createContext<ReadonlyMap<string, CheckSummary> | undefined>(undefined);
const ReadViewers = createContext<ReadonlyMap<string, Viewer[]> | undefined>(undefined);

/** The row's viewers as read with the page (the live changes heard since override them: RowViewersIcon). */
export const useReadViewers = (id: string): Viewer[] | undefined => useContext(ReadViewers)?.get(id);

/** Reads the summaries of the list's current page for the ChecksIcon cells below it. */
export const CheckSummariesProvider = ({ children }: { children: ReactNode }) => {
  const { data } = useListContext<Application>();
  const ids = useMemo(() => (data ?? []).map((r) => r.id), [data]);
  const { data: read } = useQuery<{ applications: { items: Array<{ id: string; checkSummary: CheckSummary; viewers: Viewer[] }> } }>(CHECK_SUMMARIES, {
    client: apolloClient,
    variables: { filter: { ids }, limit: Math.max(1, ids.length) },
    skip: ids.length === 0,
    fetchPolicy: 'network-only',
  });
  const map = useMemo(() => new Map((read?.applications.items ?? []).map((a) => [a.id, a.checkSummary])), [read]);
  const viewers = useMemo(() => new Map((read?.applications.items ?? []).map((a) => [a.id, a.viewers])), [read]);
  return (
    <Summaries.Provider value={map}>
      <ReadViewers.Provider value={viewers}>{children}</ReadViewers.Provider>
    </Summaries.Provider>
  );
};

const LEVELS = [
  { key: 'blocker', severity: 'BLOCKER', Icon: ErrorIcon, color: 'error.main' },
  { key: 'warning', severity: 'WARNING', Icon: WarningIcon, color: 'warning.main' },
  { key: 'info', severity: 'INFO', Icon: InfoIcon, color: 'info.main' },
] as const;

/** The heaviest severity with findings, its icon and the count; the tooltip (and label) counts each severity. */
export const ChecksIcon = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const summary = useContext(Summaries)?.get(record.id);
  if (!summary) return null;
  const total = summary.blocker + summary.warning + summary.info;
  if (total === 0) return null;
  const heaviest = LEVELS.find((l) => summary[l.key] > 0)!;
  const label = LEVELS.filter((l) => summary[l.key] > 0)
    .map((l) => `${translate(`naccs.checks.severity.${l.severity}`)} ${summary[l.key]}`)
    .join('、');
  return (
    <Tooltip title={`${translate('naccs.checks.title')}: ${label}`}>
      <Box
        component="span"
        role="img"
        aria-label={`${translate('naccs.checks.title')}: ${label}`}
        data-testid="checks-icon"
        data-severity={heaviest.severity}
        data-count={total}
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, color: heaviest.color, fontWeight: 700 }}
      >
        <heaviest.Icon fontSize="small" />
        {total}
      </Box>
    </Tooltip>
  );
};
