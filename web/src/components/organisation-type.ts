import { useTranslation } from 'react-i18next';
import { isOrganisationType } from '../api.ts';

/** The translated name of an organisation type; unknown types are shown as they come. */
export function useOrganisationTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => (isOrganisationType(type) ? t(`organisationType.${type}`) : type);
}
