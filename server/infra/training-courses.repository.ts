import type { StoredCourse, TrainingCoursesRepository } from '../app/ports/training-courses.port';
import { addIfAbsent, findById, replacingPatch, withoutId } from './cloud-documents';

/** More courses than a company writes: the catalogue is read in one query. */
const MAX_COURSES = 200;

/**
 * `training_courses` (`_id` = course id): the courses HR saved; `training_course_versions`
 * (`_id` = `<course id>@<version>`): every saved version, so a completion's version can be read.
 */
export function trainingCoursesRepository(db: WxServerSdk.Database): TrainingCoursesRepository {
  const courses = () => db.collection('training_courses');
  const versions = () => db.collection('training_course_versions');
  const _ = db.command;
  return {
    async list() {
      const { data } = await courses().limit(MAX_COURSES).get();
      return data.map((doc) => withoutId<StoredCourse>(doc));
    },
    get(courseId) {
      return findById<StoredCourse>(courses(), courseId);
    },
    async save(course, baseVersion, stored) {
      if (!stored) {
        if (!(await addIfAbsent(courses(), course.courseId, { ...course }))) return false;
      } else {
        const { courseId: _unchanged, ...fields } = course;
        const { stats } = await courses()
          .where({ _id: course.courseId, version: baseVersion })
          .update({ data: replacingPatch(_, fields) });
        if (stats.updated !== 1) return false;
      }
      await versions().add({ data: { ...course, _id: `${course.courseId}@${course.version}` } });
      return true;
    },
  };
}
