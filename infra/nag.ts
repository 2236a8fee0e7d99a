import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Api } from '#infra/api.ts';
import type { Files } from '#infra/files.ts';
import type { OriginSecret } from '#infra/origin-secret.ts';
import type { Storage } from '#infra/storage.ts';
import type { Web } from '#infra/web.ts';

type Finding = { id: string; reason: string };

const acknowledge = (scope: IConstruct | undefined, findings: Finding[]) => {
  if (!scope) throw new Error('cdk-nag acknowledgment on a construct that does not exist');
  for (const finding of findings) Validations.of(scope).acknowledge(finding);
};

const s3Grants = (bucket: string): Finding[] =>
  ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
    id: `AwsSolutions-IAM5[Action::${action}]`,
    reason: `CDK's grant on the ${bucket} bucket expands to these action families; they are limited to that one bucket and its objects.`,
  }));

/** Every cdk-nag finding Atelier accepts, each on the narrowest construct, each with its reason. */
export function acknowledgeFindings(stack: Stack, parts: { api: Api; files: Files; web: Web; storage: Storage; originSecret: OriginSecret }): void {
  const apiRole = parts.api.fn.role!;
  acknowledge(apiRole, [
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'The basic execution policy only lets the function write its own CloudWatch logs.' },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray (active tracing) accepts trace segments only on the * resource.' },
    { id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(parts.storage.table.node.defaultChild as never)}.Arn>/index/*]`, reason: 'Queries on the one table’s own GSIs (access patterns A1, A3, A5).' },
    { id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(parts.storage.uploads.node.defaultChild as never)}.Arn>/*]`, reason: 'Uploads and previews live under server-generated keys anywhere in the uploads bucket.' },
    { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]', reason: 'SES checks a send against the sender’s and, in its sandbox, each recipient’s identity; the From address is held to the operator’s identity by an ses:FromAddress condition.' },
    { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: 'Publishing to the KMS-encrypted events topic needs data keys from its one key.' },
    ...s3Grants('uploads'),
  ]);
  acknowledge(parts.api.fn, [{ id: 'AwsSolutions-L1', reason: 'Atelier pins the Node.js 22 runtime (the product card); bundles target Node 20 so local runs and Lambda behave alike.' }]);
  const uploadsArn = `<${stack.getLogicalId(parts.storage.uploads.node.defaultChild as never)}.Arn>`;
  acknowledge(parts.files.fn.role!, [
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'The basic execution policy only lets the function write its own CloudWatch logs.' },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray (active tracing) accepts trace segments only on the * resource.' },
    { id: `AwsSolutions-IAM5[Resource::${uploadsArn}/files/*]`, reason: 'It reads the checked originals, whose keys are server-generated under files/.' },
    { id: `AwsSolutions-IAM5[Resource::${uploadsArn}/previews/*]`, reason: 'It writes previews under previews/ and nowhere else.' },
  ]);
  acknowledge(parts.files.fn, [{ id: 'AwsSolutions-L1', reason: 'Atelier pins the Node.js 22 runtime (the product card).' }]);
  acknowledge(parts.files.failedEvents, [{ id: 'AwsSolutions-SQS3', reason: 'It is itself the dead-letter queue of the files Lambda’s failed events; nothing consumes it but the operator.' }]);
  // The singleton Lambda CDK uses to configure the bucket's event notifications.
  const notifications = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  acknowledge(notifications, [
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'CDK’s own notifications function; it only writes its logs with this policy.' },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'CDK’s own notifications function: s3:PutBucketNotification is granted on * by CDK.' },
  ]);
  acknowledge(parts.originSecret.secret, [
    { id: 'AwsSolutions-SMG4', reason: 'CloudFront and the api read the value when the stack deploys, not at run time: a rotation would take effect only at the next deploy. Redeploying after changing the secret replaces it in both at once.' },
  ]);
  acknowledge(parts.api.httpApi, [
    { id: 'AwsSolutions-APIG4', reason: 'Authorization is the application’s: session cookies and the one order guard in the Hono app; public routes (sign-in, intake) must stay open.' },
  ]);
  acknowledge(parts.web.distribution, [
    { id: 'AwsSolutions-CFR1', reason: 'Makers sell worldwide; a geo restriction would lock out their customers.' },
    { id: 'AwsSolutions-CFR2', reason: 'WAF is an operator choice (it has a monthly cost); the app rate-limits sign-in and intake itself and the HTTP API stage is throttled.' },
    { id: 'AwsSolutions-CFR4', reason: 'The default *.cloudfront.net certificate cannot enforce TLS 1.2; an operator who adds a custom domain and certificate should also set minimumProtocolVersion to TLSv1.2_2021.' },
  ]);
  // The singleton Lambda that CDK's BucketDeployment uses to copy the built portal into its bucket.
  const deployer = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  acknowledge(deployer, [
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'CDK’s own deployment function; it only writes its logs with this policy.' },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'CDK’s own deployment function (CloudFront invalidation takes *).' },
    { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', reason: 'CDK’s deployment function reads the portal asset from the bootstrap assets bucket.' },
    { id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(parts.web.site.node.defaultChild as never)}.Arn>/*]`, reason: 'CDK’s deployment function replaces every file of the portal bucket.' },
    { id: 'AwsSolutions-L1', reason: 'The runtime of CDK’s own deployment function is chosen by CDK.' },
    ...s3Grants('portal'),
  ]);
}
