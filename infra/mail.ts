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
      allowedPattern: '.+',
      description: 'A verified SES identity (an email address or a domain) that Atelier sends from',
    });
    const from = new CfnParameter(Stack.of(this), 'MailFrom', {
      type: 'String',
      allowedPattern: '.+@.+',
      description: 'The From header of every email, an address of the verified identity',
    });
    this.from = from.valueAsString;
    // SES authorizes a send against every identity it involves: the sender's address or domain
    // and, while the account is in the sandbox, each recipient's. What is held to the operator's
    // identity is the From address: the identity itself when it is an address, any address at it
    // when it is a domain.
    this.sendPolicy = new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
      conditions: { StringLike: { 'ses:FromAddress': [identity.valueAsString, `*@${identity.valueAsString}`] } },
    });
  }
}
