import { Field, InputType } from 'type-graphql';
import { RegistrySheet } from './registry-sheets';

@InputType({ description: 'A registry file to import · 导入登记表文件' })
export class ImportFileInput {
  @Field(() => RegistrySheet, { description: 'Which sheet the file holds · 表的种类' })
  sheet: RegistrySheet;

  @Field({ description: 'File name, ending in .csv or .xlsx · 文件名（.csv 或 .xlsx）' })
  fileName: string;

  @Field({ description: 'The file’s bytes, base64-encoded; at most 8 MB before encoding (larger files: the import command) · 文件内容（Base64），不超过 8 MB' })
  contentBase64: string;

  @Field({ defaultValue: false, description: 'Write the rows when every row is valid; false: a dry run that only reports · 是否正式写入（默认试导入，只出报告）' })
  commit: boolean;

  @Field({ defaultValue: true, description: 'Answer when the import has finished; false: answer at once and follow `importRun` · 是否等待导入完成' })
  wait: boolean;
}
