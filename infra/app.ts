/** CDK entry (`cdk.json`: `tsx infra/app.ts`). Stage from `--context stage=dev|staging|prod`. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildLienthong } from './lienthong.js';

const app = new App();
buildLienthong(app);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
