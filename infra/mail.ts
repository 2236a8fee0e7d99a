import { CfnParameter, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** SES: the operator's verified identity, given as stack parameters. */
export class Mail extends Construct {
  readonly from: string;
  readonly sendPolicy: PolicyStatement;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const identity = new CfnParameter(Stack.of(this), 'SesSenderIdentity', {
      type: 'String',
      default: 'no-reply@example.com',
      description: 'A verified SES identity (an email address or a domain) that Atelier sends from',
    });
    const from = new CfnParameter(Stack.of(this), 'MailFrom', {
      type: 'String',
      default: 'Atelier <no-reply@example.com>',
      description: 'The From header of every email, an address of the verified identity',
    });
    this.from = from.valueAsString;
    this.sendPolicy = new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: identity.valueAsString })],
    });
  }
}
