import { BooleanInput, DataTable, List, SearchInput, TopToolbar, useTranslate, type SearchInputProps } from 'react-admin';
import { DateTimeText, Mono } from '../components/display';
import { RoleChips } from '../staffAccounts/RoleChips';
import type { ApiKey } from '../types';
import { ApiKeyStatusChip } from './ApiKeyStatusChip';
import { CreateApiKeyButton } from './CreateApiKeyButton';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';
import { KeyLimits, ScopeChips } from './ScopeChips';

const SearchBox = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.apiKeys.search_placeholder')} sx={{ minWidth: 260 }} />;
};

const filters = [<SearchBox key="q" source="q" alwaysOn />, <BooleanInput key="activeOnly" source="activeOnly" alwaysOn />];

const Column = DataTable.Col<ApiKey>;

/** APIキー (admin): the integrators' keys (the secret itself is never listed: only its prefix), create and revoke. */
export const ApiKeyList = () => (
  <List
    sort={{ field: 'createdAt', order: 'DESC' }}
    filters={filters}
    actions={
      <TopToolbar>
        <CreateApiKeyButton />
      </TopToolbar>
    }
    perPage={50}
  >
    <DataTable<ApiKey> rowClick={false} bulkActionButtons={false} size="small">
      <Column source="name" />
      <Column source="prefix" render={(k) => <Mono>{`nk_${k.prefix}_…`}</Mono>} />
      <Column source="roles" disableSort render={(k) => <RoleChips roles={k.roles} />} />
      <Column source="scopes" disableSort render={(k) => <ScopeChips scopes={k.scopes} />} />
      <Column source="companies" label="resources.apiKeys.limits" disableSort render={(k) => <KeyLimits apiKey={k} />} />
      <Column source="status" disableSort render={(k) => <ApiKeyStatusChip apiKey={k} />} />
      <Column source="createdAt" render={(k) => <DateTimeText value={k.createdAt} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
      <Column source="expiresAt" render={(k) => <DateTimeText value={k.expiresAt} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
      <Column source="lastUsedAt" render={(k) => <DateTimeText value={k.lastUsedAt} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
      <Column source="revokedAt" render={(k) => <DateTimeText value={k.revokedAt} />} cellSx={() => ({ whiteSpace: 'nowrap' })} />
      <Column source="actions" label="naccs.review.actions" disableSort render={(k) => <RevokeApiKeyButton record={k} />} />
    </DataTable>
  </List>
);
