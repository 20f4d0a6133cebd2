import { DECLARATIONS } from '../../core/model/types/index.ts';
import { studioType } from './fromDeclaration.ts';

/** Every document type of the Studio, made from the model's declarations. */
export const schemaTypes = DECLARATIONS.map(studioType);
