import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TemplateVariable } from './templateTypes';

/**
 * The variables of the event: name, type, required mark, description and sample value. With `onInsert` (a
 * supervisor editing), clicking a name inserts `{{name}}` at the cursor of the field last edited. Required
 * variables the draft does not use yet are marked.
 */
export const VariableList = ({
  variables,
  used,
  onInsert,
}: {
  variables: TemplateVariable[];
  used: Set<string>;
  onInsert?: (name: string) => void;
}) => {
  const translate = useTranslate();
  return (
    <Box data-testid="template-variables">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
        {translate('naccs.templates.variables.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate(onInsert ? 'naccs.templates.variables.hint' : 'naccs.templates.variables.hint_read_only')}
      </Typography>
      <Table size="small" sx={{ '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('naccs.templates.variables.name')}</TableCell>
            <TableCell>{translate('naccs.templates.variables.type')}</TableCell>
            <TableCell>{translate('naccs.templates.variables.description')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {variables.map((v) => {
            const token = `{{${v.name}}}`;
            const missing = v.required && !used.has(v.name);
            return (
              <TableRow key={v.name} data-variable={v.name}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {onInsert ? (
                    <Tooltip title={translate('naccs.templates.variables.insert', { token })}>
                      <Button
                        size="small"
                        variant={used.has(v.name) ? 'outlined' : 'text'}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => onInsert(v.name)}
                        sx={{ fontFamily: 'monospace', textTransform: 'none', minWidth: 0, px: 0.75 }}
                        data-testid={`insert-variable-${v.name}`}
                      >
                        {token}
                      </Button>
                    </Tooltip>
                  ) : (
                    <Box component="code" sx={{ fontFamily: 'monospace' }}>
                      {token}
                    </Box>
                  )}
                  {v.required ? (
                    <Tooltip title={translate('naccs.templates.variables.required')}>
                      <Box component="span" sx={{ color: 'error.main', fontWeight: 700, ml: 0.5 }} aria-label={translate('naccs.templates.variables.required')}>
                        *
                      </Box>
                    </Tooltip>
                  ) : null}
                </TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" label={translate(`naccs.templates.variables.types.${v.type}`, { _: v.type })} />
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{v.description}</Typography>
                  <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                    {translate('naccs.templates.variables.sample', { sample: v.sample })}
                  </Typography>
                  {missing ? (
                    <Typography variant="caption" color="warning.main" sx={{ display: 'block' }} data-testid={`missing-variable-${v.name}`}>
                      {translate('naccs.templates.variables.missing')}
                    </Typography>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};
