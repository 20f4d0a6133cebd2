/**
 * The one react-dom entry the Studio render tests use. @types/react-dom is not installed (the
 * Studio's build does not need it), so the signature is declared here rather than adding a
 * dependency for a test helper.
 */
declare module 'react-dom/server' {
  export function renderToStaticMarkup(element: import('react').ReactNode): string;
}
