/*
 * ngx-genesys-chat/router: the page's route as a custom attribute, for apps that use
 * @angular/router (an optional peer dependency, needed only by this entry point).
 */
export { withRouterContext, type RouterContextOptions } from './with-router-context';
export { routePath } from './route-path';
