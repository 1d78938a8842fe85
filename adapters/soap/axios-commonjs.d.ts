/**
 * axios' CommonJS build, the one node-soap `require`s: importing it by this path instead of `axios`
 * (which resolves to the ESM build for an `import`) keeps one copy of axios in a function bundle.
 */
declare module 'axios/dist/node/axios.cjs' {
  import type { AxiosStatic } from 'axios';

  const axios: AxiosStatic;
  export default axios;
}
