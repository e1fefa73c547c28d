/*
 * Public API of ngx-genesys-chat/messaging-widget: drive a widget of the tutorial's
 * MessagingWidget shape instead of Genesys Messenger. Apps that don't import it don't get it.
 */
export {
  withMessagingWidget,
  type MessagingWidgetFactory,
  type MessagingWidgetLike,
} from './messaging-widget';
