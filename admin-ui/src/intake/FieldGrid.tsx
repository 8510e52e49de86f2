import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** Inputs side by side, as many per row as fit; an optional sub-heading (契約者, 管理責任者…). */
export const FieldGrid = ({ title, children, min = 200 }: { title?: string; children: ReactNode; min?: number }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1 }}>
      {title ? (
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1, mb: 0.5, color: 'text.secondary', fontWeight: 700 }}>
          {translate(title)}
        </Typography>
      ) : null}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`,
          columnGap: 2,
          alignItems: 'start',
          '& .MuiFormControl-root': { mt: 0.5 },
        }}
      >
        {children}
      </Box>
    </Box>
  );
};
