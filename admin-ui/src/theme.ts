import { defaultTheme, type RaThemeOptions } from 'react-admin';

const fontFamily = [
  '"Noto Sans JP"',
  '"Hiragino Kaku Gothic ProN"',
  '"Hiragino Sans"',
  'Meiryo',
  '"IPAPGothic"',
  '"IPAGothic"',
  'Roboto',
  'Helvetica',
  'Arial',
  'sans-serif',
].join(',');

/** react-admin's default theme with a Japanese font stack and a denser layout for all-day reviewing. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#1f4e79' }, secondary: { main: '#1f4e79' } },
  typography: { ...defaultTheme.typography, fontFamily },
  components: {
    ...defaultTheme.components,
    MuiTableCell: { styleOverrides: { sizeSmall: { padding: '4px 8px' } } },
    // Tab labels as written (netNACCS, not NETNACCS).
    MuiTab: { styleOverrides: { root: { textTransform: 'none' } } },
  },
};
