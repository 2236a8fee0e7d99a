import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AtelierStack } from '#infra/atelier-stack.ts';

const app = new App();
new AtelierStack(app, 'Atelier', {
  description: 'Atelier: the custom-order desk for Etsy makers',
  ...(app.node.tryGetContext('portalDir') ? { portalDir: app.node.tryGetContext('portalDir') as string } : {}),
});
// cdk-nag's AWS Solutions rules run on every synth; an unacknowledged finding fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
