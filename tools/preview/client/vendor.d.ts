// The browser-side modules of miniprogram-simulate, j-component and exparser the preview
// patches; their shapes are declared where they are used. (simulate's own index.d.ts pulls
// in the mini program's global `require`, which clashes with Node's.)
declare module 'miniprogram-simulate/src/index';
declare module 'miniprogram-simulate/src/utils';
declare module 'miniprogram-simulate/src/wxss';
declare module 'j-component/src/index';
declare module 'j-component/src/tool/selectorquery';
declare module 'j-component/src/tool/utils';
