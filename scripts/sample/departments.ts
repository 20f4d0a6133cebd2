/**
 * 科室/单位 of 株洲市市场监督管理局 and the website's 责任编辑 (content/sample/departments.yaml).
 * Other content files name a department by its key; the document id is `dept-<key>`.
 */
import { z } from 'zod';
import { BUREAU } from '../../core/bureau/identity.ts';
import { readContentFile } from './content.ts';
import type { Doc } from './documents.ts';

const departmentsFile = z.strictObject({
  departments: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z]+$/, { message: '只能由小写字母组成' }),
        name: z.string().min(2),
        code: z.string().regex(/^[A-Z]+$/, { message: '只能由大写字母组成' }),
        /** Head of the department, named in interpretations as 第一解读人. */
        head: z.string().min(2),
        /** The head's post as written after the name, e.g. 政策法规科科长. */
        post: z.string().min(2),
      }),
    )
    .min(1),
  editors: z.array(z.string().min(2)).min(1),
});

type DepartmentSpec = z.output<typeof departmentsFile>['departments'][number];

export class Departments {
  readonly editors: readonly string[];
  private readonly byKey: Map<string, DepartmentSpec>;

  constructor(directory: string) {
    const file = readContentFile(directory, 'departments.yaml', departmentsFile);
    this.byKey = new Map(file.departments.map((department) => [department.key, department]));
    this.editors = file.editors;
  }

  /** The schema of a field that names a department: one of the keys in departments.yaml. */
  get key() {
    return z.enum([...this.byKey.keys()] as [string, ...string[]]);
  }

  /** The schema of a field that names a 责任编辑 from departments.yaml. */
  get editor() {
    return z.enum(this.editors as [string, ...string[]]);
  }

  get(key: string): DepartmentSpec {
    const department = this.byKey.get(key);
    if (!department) throw new Error(`sample: no department ${key}`);
    return department;
  }

  id(key: string): string {
    return `dept-${key}`;
  }

  name(key: string): string {
    return this.get(key).name;
  }

  /** 信息来源 as the site shows it: the bureau and the department that formed the information. */
  source(key: string): string {
    return `${BUREAU.name}${this.get(key).name}`;
  }

  /** 第一解读人, e.g. 王建国（政策法规科科长）. */
  interpreter(key: string): string {
    const { head, post } = this.get(key);
    return `${head}（${post}）`;
  }

  documents(): Doc[] {
    return [...this.byKey.values()].map((department) => ({
      _id: this.id(department.key),
      _type: 'department',
      _createdAt: '2021-12-20T01:30:00Z',
      _updatedAt: '2022-01-04T02:10:00Z',
      name: department.name,
      code: department.code,
    }));
  }
}
