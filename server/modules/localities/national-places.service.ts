import { AppError } from '../../../core/errors.ts';
import type { NationalPlace } from '../../../core/schemas/localities.ts';
import { nationalGazetteer } from './national-gazetteer.ts';

/** The national list of provinces and communes as the public origin pickers read it, loaded here or not. */
export class NationalPlacesService {
  async provinces(): Promise<NationalPlace[]> {
    return (await nationalGazetteer()).provinces;
  }

  /** The communes of a province of the national list; an unknown province is NOT_FOUND. */
  async communes(provinceCode: string): Promise<NationalPlace[]> {
    const communes = (await nationalGazetteer()).communesOf.get(provinceCode);
    if (!communes) throw new AppError('NOT_FOUND');
    return communes;
  }
}
