// The part of PCRE2's 8-bit API (pcre2.h, 10.34 and later) that Rampart calls. Declared here
// so that building needs only the runtime library every Debian system has (libpcre2-8-0, used by
// git and grep), not its -dev package. The declarations follow PCRE2's documented, stable ABI.
#ifndef CPCRE2_H
#define CPCRE2_H

#include <stddef.h>
#include <stdint.h>

typedef struct pcre2_real_code_8 pcre2_code_8;
typedef struct pcre2_real_match_data_8 pcre2_match_data_8;
typedef struct pcre2_real_match_context_8 pcre2_match_context_8;
typedef struct pcre2_real_compile_context_8 pcre2_compile_context_8;
typedef struct pcre2_real_general_context_8 pcre2_general_context_8;
typedef struct pcre2_real_jit_stack_8 pcre2_jit_stack_8;
typedef pcre2_jit_stack_8 *(*pcre2_jit_callback_8)(void *);

pcre2_code_8 *pcre2_compile_8(const uint8_t *pattern, size_t length, uint32_t options,
                              int *errorcode, size_t *erroroffset, pcre2_compile_context_8 *ccontext);
int pcre2_jit_compile_8(pcre2_code_8 *code, uint32_t options);
void pcre2_code_free_8(pcre2_code_8 *code);
int pcre2_pattern_info_8(const pcre2_code_8 *code, uint32_t what, void *where);
int pcre2_substring_number_from_name_8(const pcre2_code_8 *code, const uint8_t *name);

pcre2_match_data_8 *pcre2_match_data_create_from_pattern_8(const pcre2_code_8 *code, pcre2_general_context_8 *gcontext);
void pcre2_match_data_free_8(pcre2_match_data_8 *match_data);
size_t *pcre2_get_ovector_pointer_8(pcre2_match_data_8 *match_data);
uint32_t pcre2_get_ovector_count_8(pcre2_match_data_8 *match_data);
int pcre2_match_8(const pcre2_code_8 *code, const uint8_t *subject, size_t length, size_t startoffset,
                  uint32_t options, pcre2_match_data_8 *match_data, pcre2_match_context_8 *mcontext);

pcre2_match_context_8 *pcre2_match_context_create_8(pcre2_general_context_8 *gcontext);
void pcre2_match_context_free_8(pcre2_match_context_8 *mcontext);
int pcre2_set_match_limit_8(pcre2_match_context_8 *mcontext, uint32_t value);
int pcre2_set_depth_limit_8(pcre2_match_context_8 *mcontext, uint32_t value);
pcre2_jit_stack_8 *pcre2_jit_stack_create_8(size_t startsize, size_t maxsize, pcre2_general_context_8 *gcontext);
void pcre2_jit_stack_assign_8(pcre2_match_context_8 *mcontext, pcre2_jit_callback_8 callback, void *callback_data);
void pcre2_jit_stack_free_8(pcre2_jit_stack_8 *stack);

int pcre2_get_error_message_8(int errorcode, uint8_t *buffer, size_t bufflen);

#endif
