import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** The SNS topic every domain event is published to; the notifier subscribes to it. */
export class Events extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.topic = new Topic(this, 'DomainEvents', {
      enforceSSL: true,
      masterKey: new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Encrypts Atelier domain events at rest' }),
    });
  }
}
