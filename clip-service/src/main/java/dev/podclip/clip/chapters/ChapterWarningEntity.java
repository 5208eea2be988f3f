package dev.podclip.clip.chapters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One engine warning for an episode's current version, in the order raised. */
@Entity
@Table(name = "clip_chapter_warning")
@IdClass(ChapterWarningEntity.Key.class)
public class ChapterWarningEntity extends PanacheEntityBase {

    @Id
    @Column(name = "episode_id")
    public UUID episodeId;
    @Id
    public int position;
    /** The wire name ({@code no-chapter-at-zero}). */
    public String code;
    public String message;
    @Column(name = "chapter_index")
    public Integer chapterIndex;

    /** The composite key (episode, position). */
    public static class Key implements Serializable {
        public UUID episodeId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.position == position && Objects.equals(k.episodeId, episodeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(episodeId, position);
        }
    }
}
