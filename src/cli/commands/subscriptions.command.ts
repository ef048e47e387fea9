import { parseArgs } from 'node:util';
import type { Subscription } from '../../services/index.ts';
import { UsageError, type Command } from '../command.ts';
import { DATA_DIR_OPTION, withServices } from './open-services.ts';

export const subscriptionsCommand: Command = {
  name: 'subscriptions',
  summary: 'Alerts by email (and webhook) when a new report or letter is imported: add, list, remove',
  usage:
    'csci subscriptions add EMAIL (--council URN | --neighbours-of URN | --region NAME) [--webhook URL --webhook-secret S] [--data-dir DIR]\n' +
    '       csci subscriptions list [EMAIL] [--json] [--data-dir DIR]\n' +
    '       csci subscriptions remove ID [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        council: { type: 'string' },
        'neighbours-of': { type: 'string' },
        region: { type: 'string' },
        webhook: { type: 'string' },
        'webhook-secret': { type: 'string' },
        json: { type: 'boolean' },
        ...DATA_DIR_OPTION,
      },
    });
    const [action, argument] = positionals;
    if (action === 'add') {
      if (!argument) throw new UsageError('Give the email address to alert.');
      const scopes = [
        values.council !== undefined ? { scope: 'council' as const, target: values.council } : undefined,
        values['neighbours-of'] !== undefined
          ? { scope: 'neighbours' as const, target: values['neighbours-of'] }
          : undefined,
        values.region !== undefined ? { scope: 'region' as const, target: values.region } : undefined,
      ].filter((scope) => scope !== undefined);
      if (scopes.length !== 1)
        throw new UsageError('Give exactly one of --council URN, --neighbours-of URN or --region NAME.');
      return withServices(values['data-dir'], async (services) => {
        const subscription = await services.alerts.subscribe({
          email: argument,
          ...scopes[0]!,
          webhookUrl: values.webhook,
          webhookSecret: values['webhook-secret'],
        });
        io.stdout.write(`Subscription ${subscription.id}: ${describe(subscription)}.\n`);
        return 0;
      });
    }
    if (action === 'list') {
      return withServices(values['data-dir'], async (services) => {
        const subscriptions = await services.alerts.list(argument);
        if (values.json) io.stdout.write(JSON.stringify(subscriptions) + '\n');
        else
          io.stdout.write(
            subscriptions.length === 0
              ? 'No subscriptions.\n'
              : subscriptions.map((subscription) => `${subscription.id}  ${describe(subscription)}`).join('\n') + '\n',
          );
        return 0;
      });
    }
    if (action === 'remove') {
      const id = Number(argument);
      if (!Number.isInteger(id) || id < 1)
        throw new UsageError('Give the number of the subscription to remove (see csci subscriptions list).');
      return withServices(values['data-dir'], async (services) => {
        await services.alerts.unsubscribe(id);
        io.stdout.write(`Subscription ${id} removed.\n`);
        return 0;
      });
    }
    throw new UsageError('Say add, list or remove.');
  },
};

function describe(subscription: Subscription): string {
  const what =
    subscription.scope === 'council'
      ? `council ${subscription.target}`
      : subscription.scope === 'neighbours'
        ? `council ${subscription.target} and its statistical neighbours`
        : `the ${subscription.target} region`;
  return `${subscription.email} is alerted about ${what}${subscription.webhookUrl ? `, and ${subscription.webhookUrl} is called${subscription.hasWebhookSecret ? ' (signed)' : ''}` : ''}`;
}
