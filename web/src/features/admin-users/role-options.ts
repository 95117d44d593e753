import type { TFunction } from 'i18next';
import { roles } from '../../../../core/roles.ts';
import type { Option } from '../../ui/form.tsx';

export const roleOptions = (t: TFunction): Option[] => roles.map((r) => ({ value: r, label: t(`roles.${r}`) }));
