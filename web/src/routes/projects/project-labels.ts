import { useTranslation } from 'react-i18next';
import { PROJECT_STAGES, type ProjectStage } from './projects-api.ts';

export function useStageLabel(): (stage: string) => string {
  const { t } = useTranslation();
  return (stage) =>
    (PROJECT_STAGES as readonly string[]).includes(stage)
      ? t(`projects.stage.${stage as ProjectStage}`)
      : stage;
}
